// /orgs/{id}: invitations (owners and admins make a link for a role), and /invite/{token}: accepting one, signed
// in or after signing in.
import * as session from './account-session.js';
import { formatDateTime, h, show } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { invitationLink, people } from './people-api.js';
import { onLeave, withNext } from './router.js';
import { aRole, invitableRoles, orgPath, roleSelect } from './org-roles.js';

export function inviteSection(org) {
  const email = field({
    id: 'invite-email', label: 'Email address',
    hint: 'Only an account with this address can accept. The link works once, for 7 days.',
    props: { type: 'email', name: 'email', required: true, maxLength: 254, autocomplete: 'off', autocapitalize: 'none',
      spellcheck: false },
  });
  const role = field({
    id: 'invite-role', label: 'Role',
    control: roleSelect('invite-role', invitableRoles(org.role), 'member'),
  });
  const submit = h('button', { type: 'submit', id: 'invite-submit', className: 'primary' }, 'Create invitation link');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('invite-error', messages);

  const link = h('input', {
    id: 'invite-link', className: 'invite-link', readOnly: true, 'aria-labelledby': 'invite-result-title',
    autocomplete: 'off', spellcheck: false,
  });
  link.addEventListener('focus', () => link.select());
  const copy = h('button', { type: 'button', id: 'invite-copy', className: 'secondary small' }, 'Copy link');
  const copyStatus = statusLine('invite-copy-status');
  const expires = h('p', { id: 'invite-expires', className: 'hint' });
  const result = h('div', { id: 'invite-result', className: 'invite-result', hidden: true },
    h('p', { id: 'invite-result-title' }, 'Send this link to the person you invited:'),
    link, h('div', { className: 'actions' }, copy), copyStatus, expires);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      copyStatus.textContent = 'Copied.';
    } catch {
      link.focus();
      link.select(); // no clipboard access: selected, so Ctrl+C (or a long press) copies it
      copyStatus.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected link.';
    }
  });

  const form = h('form', { id: 'invite-form', noValidate: true },
    email.element, role.element, h('div', { className: 'actions' }, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([email, role], problem);
    const address = email.input.value.trim();
    if (!address) {
      email.setError('Enter the email address of the person to invite.');
      email.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const invitation = await people.invite(org.orgId, address, role.input.value);
      const url = invitationLink(invitation.token);
      link.value = url;
      link.setAttribute('value', url); // the attribute too, for tools that read attributes
      link.dataset.url = url;
      link.dataset.invitationId = invitation.invitationId;
      expires.textContent = invitation.expiresAt
        ? `For ${address} as ${aRole(role.input.value)}; valid until ${formatDateTime(invitation.expiresAt)}.`
        : '';
      copyStatus.textContent = '';
      result.hidden = false;
      email.input.value = '';
      copy.focus();
    } catch (error) {
      showProblem(error, { fields: { email, role }, form: problem });
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { className: 'card', id: 'invite', 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, 'Invite someone'),
    form,
    result);
}

// ---- /invite/{token}

export function renderInvite(root, token) {
  let done = false;
  const unsubscribe = session.onChange(() => {
    if (!done) {
      inviteView(root, token, () => { done = true; });
    }
  });
  onLeave(() => {
    done = true;
    unsubscribe();
  });
  inviteView(root, token, () => { done = true; });
}

function inviteView(root, token, accepted) {
  document.title = 'Invitation · Parley';
  const here = `/invite/${encodeURIComponent(token)}`;
  const account = session.currentAccount();
  if (!account) {
    show(root, h('section', { className: 'account-page narrow', 'data-page': 'invite', 'data-state': 'signed-out',
      'aria-labelledby': 'invite-page-title' },
    h('h1', { id: 'invite-page-title' }, 'You are invited to an organization'),
    h('p', {}, 'Sign in with the email address the invitation was sent to, or create an account with it; then you '
      + 'come back here to accept.'),
    h('div', { className: 'actions' },
      h('a', { id: 'invite-signin', className: 'button primary', href: withNext('/signin', here), 'data-link': true },
        'Sign in'),
      h('a', { id: 'invite-signup', className: 'button secondary', href: withNext('/signup', here), 'data-link': true },
        'Create an account'))));
    return;
  }
  const accept = h('button', { type: 'button', id: 'invite-accept', className: 'primary' }, 'Accept invitation');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('invite-accept-error', messages);
  const outcome = h('div', { id: 'invite-outcome' });
  accept.addEventListener('click', async () => {
    problem.clear();
    accept.disabled = true;
    try {
      const membership = await people.acceptInvitation(token);
      accepted();
      session.refresh(); // a token that lists the new organization
      accept.hidden = true;
      outcome.replaceChildren(h('p', { id: 'invite-accepted', 'data-org-id': membership.orgId },
        `You are now ${aRole(membership.role)} of `, h('strong', {}, membership.name), '.'),
      h('div', { className: 'actions' },
        h('a', { id: 'invite-org-link', className: 'button primary', href: orgPath(membership.orgId), 'data-link': true },
          `Open ${membership.name}`)));
    } catch (error) {
      accept.disabled = error.status === 404 || error.status === 410 || error.status === 409;
      problem.set(error.detail || error.message);
    }
  });
  show(root, h('section', { className: 'account-page narrow', 'data-page': 'invite', 'data-state': 'signed-in',
    'aria-labelledby': 'invite-page-title' },
  h('h1', { id: 'invite-page-title' }, 'Join an organization'),
  h('p', {}, 'You are signed in as ', h('strong', { id: 'invite-account' }, account.displayName), ` (${account.email}). `
    + 'The invitation must have been sent to this address.'),
  h('div', { className: 'actions' }, accept),
  messages,
  outcome));
}
