// The Parley web client: plain ES modules, no build step. This entry point only routes; see js/ for the rest and
// docs/web-client.md for how it fits together.
import { renderMeeting } from './js/meeting.js';
import { renderQuality } from './js/quality-page.js';
import { start } from './js/router.js';
import { showScreen } from './js/screens.js';
import { renderStart } from './js/start.js';

const root = document.getElementById('app');

start((route) => {
  switch (route.view) {
    case 'start':
      renderStart(root);
      break;
    case 'meeting':
      renderMeeting(root, route.meetingRef);
      break;
    case 'quality':
      renderQuality(root, route.meetingRef);
      break;
    default:
      showScreen(root, 'not-found');
  }
});
