// The Parley web client: plain ES modules, no build step. This entry point only routes; see js/ for the rest and
// docs/web-client.md for how it fits together. The first view waits for the account session's page-load refresh (a
// few seconds at most), so every view knows from the start whether someone is signed in.
import { renderAccount } from './js/account-page.js';
import { mountAccountNav } from './js/account-nav.js';
import * as session from './js/account-session.js';
import { renderMeeting } from './js/meeting.js';
import { renderMeetings } from './js/meetings-page.js';
// contacts, messages and calls: registers its pages with the router and runs the user socket while signed in
import './js/people-live.js';
import { renderInvite } from './js/org-invitations.js';
import { renderOrg, renderOrgs } from './js/orgs-page.js';
import { renderQuality } from './js/quality-page.js';
import { renderRecordings } from './js/recordings-page.js';
import { interceptLinks, start } from './js/router.js';
import { showScreen } from './js/screens.js';
import { renderSignIn, renderSignUp } from './js/sign-in.js';
import { renderStart } from './js/start.js';
import { renderTrends } from './js/trends-page.js';

const root = document.getElementById('app');

const nav = document.getElementById('account-nav');
if (nav) {
  mountAccountNav(nav);
}
interceptLinks(document);

session.ready().then(() => start((route) => {
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
    case 'recordings':
      renderRecordings(root, route.meetingRef);
      break;
    case 'signin':
      renderSignIn(root);
      break;
    case 'signup':
      renderSignUp(root);
      break;
    case 'account':
      renderAccount(root);
      break;
    case 'meetings':
      renderMeetings(root);
      break;
    case 'orgs':
      renderOrgs(root);
      break;
    case 'org':
      renderOrg(root, route.orgId);
      break;
    case 'org-quality':
      renderTrends(root, route.orgId);
      break;
    case 'invite':
      renderInvite(root, route.token);
      break;
    default:
      showScreen(root, 'not-found');
  }
}));
