// The start page: create a meeting (you become its host) or open one from a link or code. Signed in, the meeting
// takes the account's display name (the server reads it from the access token), so the name field is filled with it
// and says so; guests type a name as before. Signed in, the host may also keep the meeting to the members of one of
// their organizations (`#meeting-access`); guests do not see that choice.
import * as session from './account-session.js';
import { api } from './api.js';
import * as credentials from './credentials.js';
import { h, show } from './dom.js';
import { people } from './people-api.js';
import { meetingRefFrom, navigate, onLeave } from './router.js';

const ANYONE_HINT = 'Guests too: nobody needs an account.';
const NO_ORGS_HINT = 'Guests too. In an organization, you could keep a meeting to its members.';

/**
 * The "Who may join" choice: "Anyone with the link" (value `anyone`) and "Members of <org>" (value `org:<orgId>`,
 * `data-access="org"`, `data-org-id`) per organization of GET /api/me. Hidden for guests.
 */
function accessChoice() {
  const select = h('select', { id: 'meeting-access', name: 'access', 'aria-describedby': 'meeting-access-hint' },
    h('option', { value: 'anyone', 'data-access': 'anyone' }, 'Anyone with the link'));
  const hint = h('p', { id: 'meeting-access-hint', className: 'hint' }, ANYONE_HINT);
  const element = h('div', { id: 'meeting-access-field', className: 'field', hidden: true },
    h('label', { for: 'meeting-access' }, 'Who may join'), select, hint);
  let orgs = null;
  const describe = () => {
    const chosen = select.selectedOptions[0];
    if (chosen?.dataset.access === 'org') {
      hint.textContent = `Only signed-in members of ${chosen.dataset.orgName}; anyone else is turned away.`;
    } else {
      hint.textContent = orgs && orgs.length === 0 ? NO_ORGS_HINT : ANYONE_HINT;
    }
  };
  select.addEventListener('change', describe);

  let loadedFor = null; // the account whose organizations the select lists (or is asking for)
  let asking = 0;
  let left = false;
  const fill = (list) => {
    const previous = select.value;
    orgs = [...list].filter((org) => org && typeof org.orgId === 'string')
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    select.replaceChildren(h('option', { value: 'anyone', 'data-access': 'anyone' }, 'Anyone with the link'),
      ...orgs.map((org) => h('option', {
        value: `org:${org.orgId}`, 'data-access': 'org', 'data-org-id': org.orgId, 'data-org-name': org.name || '',
      }, `Members of ${org.name || 'your organization'}`)));
    select.value = [...select.options].some((option) => option.value === previous) ? previous : 'anyone';
    describe();
  };
  const follow = async () => {
    const account = session.currentAccount();
    element.hidden = !account;
    if (!account) {
      loadedFor = null;
      asking += 1; // an answer still on its way is for someone no longer here
      fill([]);
      orgs = null;
      describe();
      return;
    }
    if (loadedFor === account.accountId) {
      return;
    }
    loadedFor = account.accountId;
    const mine = ++asking;
    try {
      const me = await people.me();
      if (!left && mine === asking) {
        fill(Array.isArray(me?.orgs) ? me.orgs : []);
      }
    } catch {
      if (mine === asking) {
        loadedFor = null; // "anyone" still works; the next change of the session asks again
      }
    }
  };
  return {
    element,
    follow,
    leave() {
      left = true;
    },
    /** {access: 'org', orgId} when an organization is chosen by someone signed in, else undefined (anyone). */
    value() {
      const chosen = select.selectedOptions[0];
      return !element.hidden && session.isSignedIn() && chosen?.dataset.access === 'org'
        ? { access: 'org', orgId: chosen.dataset.orgId } : undefined;
    },
  };
}

export function renderStart(root) {
  document.title = 'Parley';
  const status = h('p', { id: 'create-status', className: 'form-status', role: 'status', 'aria-live': 'polite' });
  const hostName = h('input', {
    id: 'host-name', name: 'hostName', required: true, maxLength: 64, autocomplete: 'name',
  });
  const nameHint = h('p', { id: 'host-name-hint', className: 'hint', hidden: true });
  let prefilled = null;
  const followAccount = () => {
    const account = session.currentAccount();
    if (account) {
      if (!hostName.value.trim() || hostName.value === prefilled) {
        hostName.value = account.displayName;
        prefilled = account.displayName;
      }
      hostName.setAttribute('aria-describedby', 'host-name-hint');
      nameHint.replaceChildren('You are signed in: your meetings show your display name. ',
        h('a', { href: '/account', 'data-link': true }, 'Change it'));
      nameHint.hidden = false;
    } else if (prefilled !== null) {
      if (hostName.value === prefilled) {
        hostName.value = '';
      }
      prefilled = null;
      hostName.removeAttribute('aria-describedby');
      nameHint.hidden = true;
    }
  };
  const access = accessChoice();
  followAccount();
  access.follow();
  const unsubscribe = session.onChange(() => {
    followAccount();
    access.follow();
  });
  onLeave(() => {
    unsubscribe();
    access.leave();
  });
  const room = h('input', {
    id: 'room-name', name: 'slug', maxLength: 64, pattern: '[a-z0-9][a-z0-9-]{1,62}[a-z0-9]',
    autocapitalize: 'none', spellcheck: false, 'aria-describedby': 'room-hint',
  });
  const createButton = h('button', { type: 'submit', className: 'primary', id: 'create-meeting' }, 'Start meeting');
  const createForm = h('form', { id: 'start-form', className: 'card', 'aria-labelledby': 'start-heading' },
    h('h2', { id: 'start-heading' }, 'Start a meeting'),
    h('label', { for: 'host-name' }, 'Your name'),
    hostName,
    nameHint,
    h('label', { for: 'room-name' }, 'Room name (optional)'),
    room,
    h('p', { id: 'room-hint', className: 'hint' },
      'Lower-case letters, digits and dashes. A room name gives the meeting an address people can remember.'),
    access.element,
    createButton,
    status);
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = hostName.value.trim();
    const slug = room.value.trim().toLowerCase();
    if (!name) {
      status.textContent = 'Please enter your name.';
      hostName.focus();
      return;
    }
    createButton.disabled = true;
    status.textContent = 'Creating your meeting…';
    try {
      const answer = await api.createMeeting(name, slug || undefined, access.value());
      // the host has not chosen camera and microphone for this meeting yet: the pre-join screen comes first
      credentials.save({ ...credentials.fromAnswer(answer, name, { nameFromToken: session.isSignedIn() }),
        prejoin: true }, slug);
      navigate(`/m/${encodeURIComponent(slug || answer.meetingId)}`);
    } catch (error) {
      status.textContent = `Could not create the meeting: ${error.detail || error.message}`;
      createButton.disabled = false;
    }
  });

  const link = h('input', {
    id: 'meeting-link', name: 'link', required: true, autocomplete: 'off', autocapitalize: 'none', spellcheck: false,
    placeholder: 'abcd-efgh-ijkl or a link',
  });
  const joinStatus = h('p', { className: 'form-status', role: 'status', 'aria-live': 'polite' });
  const joinForm = h('form', { id: 'open-form', className: 'card', 'aria-labelledby': 'open-heading' },
    h('h2', { id: 'open-heading' }, 'Join a meeting'),
    h('label', { for: 'meeting-link' }, 'Meeting link, code or room name'),
    link,
    h('button', { type: 'submit', className: 'secondary' }, 'Continue'),
    joinStatus);
  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const ref = meetingRefFrom(link.value);
    if (!ref) {
      joinStatus.textContent = 'That does not look like a meeting link or code.';
      link.focus();
      return;
    }
    navigate(`/m/${encodeURIComponent(ref)}`);
  });

  show(root, h('div', { className: 'start' },
    h('h1', {}, 'Video meetings in your browser'),
    h('p', { className: 'lead' }, session.isSignedIn() ? 'On your own servers. No app to install.'
      : 'On your own servers. No account, no app to install.'),
    h('div', { className: 'start-forms' }, createForm, joinForm)));
  (prefilled ? room : hostName).focus();
}
