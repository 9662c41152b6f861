// Each remote tile's connection quality (good, fair, poor) with the reason on hover and focus. The figures are the
// ones the quality beacons are made of: QualityReporter hands over the getStats() reports it sampled (update), and a
// QualityCalculator per peer turns them into that peer's loss, round trip and frame rate — no second getStats loop.
import { h, randomId } from '../dom.js';
import { QualityCalculator } from '../quality.js';
import { assessQuality } from './quality-levels.js';

const LEVEL_TEXT = { unknown: 'Connection: measuring', good: 'Connection: good', fair: 'Connection: fair',
  poor: 'Connection: poor' };

export class TileQuality {
  constructor({ grid }) {
    this.badges = new Map();
    this.calculators = new Map();
    grid.addDecorator((participantId, tile) => {
      if (participantId !== grid.selfId) {
        this.badges.set(participantId, this.badge(tile));
      }
    });
  }

  badge(tile) {
    const reason = h('span', { className: 'tile-quality-reason', id: `quality-${randomId()}`, role: 'tooltip' });
    const element = h('span', { className: 'tile-quality', tabindex: '0', role: 'img',
      'aria-describedby': reason.id },
    h('span', { className: 'quality-bars', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
    reason);
    tile.append(element);
    const badge = { tile, element, reason };
    this.show(badge, assessQuality(null));
    return badge;
  }

  /** reports: [{key: peerId, report}] of one sampling round of QualityReporter. */
  update(reports) {
    for (const [id, badge] of [...this.badges]) {
      if (!badge.tile.isConnected) {
        this.badges.delete(id);
        this.calculators.delete(id);
      }
    }
    for (const { key, report } of reports) {
      const badge = this.badges.get(key);
      if (!badge) {
        continue;
      }
      if (!this.calculators.has(key)) {
        this.calculators.set(key, new QualityCalculator());
      }
      this.show(badge, assessQuality(this.calculators.get(key).sample([{ key, report }])));
    }
  }

  show(badge, { level, causes, text }) {
    badge.tile.dataset.quality = level;
    badge.element.dataset.quality = level;
    badge.element.dataset.causes = causes.join(' ');
    badge.element.setAttribute('aria-label', LEVEL_TEXT[level]);
    badge.reason.textContent = text;
  }
}
