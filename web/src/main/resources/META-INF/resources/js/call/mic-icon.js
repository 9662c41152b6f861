// The microphone state on a tile: an icon (a microphone, struck through when off) with its meaning as the accessible
// name, so it reads "Microphone off" rather than nothing. Drawn as SVG elements: no markup strings, no inline styles.
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  return element;
}

/** A span with data-mic="on|off" holding the icon; role img with the state as its name. */
export function micIcon(on) {
  const icon = svg('svg', { viewBox: '0 0 24 24', width: '16', height: '16', 'aria-hidden': 'true', focusable: 'false' });
  icon.append(
    svg('rect', { x: '9', y: '3', width: '6', height: '11', rx: '3' }),
    svg('path', { d: 'M5 11a7 7 0 0 0 14 0M12 18v3', fill: 'none' }),
  );
  if (!on) {
    icon.append(svg('path', { d: 'M4 4l16 16', class: 'strike' }));
  }
  const label = on ? 'Microphone on' : 'Microphone off';
  const holder = document.createElement('span');
  holder.className = 'tile-mic';
  holder.dataset.mic = on ? 'on' : 'off';
  holder.setAttribute('role', 'img');
  holder.setAttribute('aria-label', label);
  holder.title = label;
  holder.append(icon);
  return holder;
}
