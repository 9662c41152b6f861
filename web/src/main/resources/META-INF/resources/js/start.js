// The start page: create a meeting (you become its host) or open one from a link or code. Signed in, the meeting
// takes the account's display name (the server reads it from the access token), so the name field is filled with it
// and says so; guests type a name as before.
import * as session from './account-session.js';
import { api } from './api.js';
import * as credentials from './credentials.js';
import { h, show } from './dom.js';
import { meetingRefFrom, navigate, onLeave } from './router.js';

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
  followAccount();
  onLeave(session.onChange(followAccount));
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
      const answer = await api.createMeeting(name, slug || undefined);
      credentials.save(credentials.fromAnswer(answer, name, { nameFromToken: session.isSignedIn() }), slug);
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
