// /orgs (my organizations, create one), /orgs/{id} (members and roles, invitations, the stream limit) and
// /invite/{token} (accept an invitation). The server decides who may do what (OrgRules); the page only offers what
// the person's role allows, and shows the problem's detail when the server says no.
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import * as session from './account-session.js';
import { formatDateTime, h, show, toast } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { invitationLink, people } from './people-api.js';
import { navigate, onLeave, withNext } from './router.js';

export const STREAM_LIMIT_MIN = 1;
export const STREAM_LIMIT_MAX = 20;

const ROLE_NAMES = { owner: 'Owner', admin: 'Admin', member: 'Member' };
const roleName = (role) => ROLE_NAMES[role] || role;
/** "an owner", "an admin", "a member". */
const aRole = (role) => `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${roleName(role).toLowerCase()}`;
const manages = (role) => role === 'owner' || role === 'admin';
const orgPath = (orgId) => `/orgs/${encodeURIComponent(orgId)}`;

/** The roles `actor` may give, as OrgRules allows: owners give any role, admins admin or member. */
export function assignableRoles(actor) {
  if (actor === 'owner') {
    return ['owner', 'admin', 'member'];
  }
  return actor === 'admin' ? ['admin', 'member'] : [];
}

/** Whether `actor` may change or remove a member whose role is `target` (admins never touch owners). */
export function mayManage(actor, target) {
  return actor === 'owner' || (actor === 'admin' && target !== 'owner');
}

/** The roles `actor` may invite with: owners invite admins and members, admins members only. */
export function invitableRoles(actor) {
  if (actor === 'owner') {
    return ['member', 'admin'];
  }
  return actor === 'admin' ? ['member'] : [];
}

/** A whole number from 1 to 20, or null. */
export function streamLimitFrom(text) {
  const value = String(text ?? '').trim();
  if (!/^\d{1,2}$/.test(value)) {
    return null;
  }
  const number = Number(value);
  return number >= STREAM_LIMIT_MIN && number <= STREAM_LIMIT_MAX ? number : null;
}

function roleSelect(id, roles, selected, label) {
  return h('select', { id, 'aria-label': label },
    ...roles.map((role) => h('option', { value: role, selected: role === selected }, roleName(role))));
}

// ---- /orgs

export function renderOrgs(root) {
  accountPage(root, (page) => loadOrgs(root, page));
}

async function loadOrgs(root, page) {
  showLoading(root, 'orgs');
  let me;
  try {
    me = await people.me();
  } catch (error) {
    if (page.alive() && error.status !== 401) {
      showLoadProblem(root, { page: 'orgs', title: 'Organizations', error, onRetry: () => loadOrgs(root, page) });
    }
    return;
  }
  if (!page.alive()) {
    return;
  }
  document.title = 'Organizations · Parley';
  const orgs = [...(me.orgs || [])].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const list = orgs.length > 0
    ? h('ul', { id: 'org-list', className: 'item-list', 'data-count': String(orgs.length) },
      ...orgs.map((org) => h('li', { className: 'item', 'data-org-id': org.orgId, 'data-role': org.role },
        h('div', { className: 'item-main' },
          h('a', { className: 'item-title org-link', href: orgPath(org.orgId), 'data-link': true }, org.name),
          h('span', { className: 'badge' }, roleName(org.role))))))
    : h('p', { id: 'org-empty' }, 'You are not in any organization yet. Create one, or ask for an invitation.');
  show(root, h('section', { className: 'account-page', 'data-page': 'orgs', 'aria-labelledby': 'orgs-title' },
    h('h1', { id: 'orgs-title' }, 'Organizations'),
    h('section', { className: 'card', 'aria-labelledby': 'my-orgs-title' },
      h('h2', { id: 'my-orgs-title' }, 'Yours'),
      list),
    createOrgSection()));
}

function createOrgSection() {
  const name = field({
    id: 'org-create-name', label: 'Name',
    props: { name: 'name', required: true, maxLength: 64, autocomplete: 'organization' },
  });
  const submit = h('button', { type: 'submit', id: 'org-create-submit', className: 'primary' }, 'Create');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('org-create-error', messages);
  const form = h('form', { id: 'org-create-form', noValidate: true },
    name.element, h('div', { className: 'actions' }, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([name], problem);
    const value = name.input.value.trim();
    if (!value) {
      name.setError('Enter a name for the organization.');
      name.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const created = await people.createOrg(value);
      session.refresh(); // the access token lists the organizations: take one that has the new one
      toast(`${created.name} is created; you are its owner.`);
      navigate(orgPath(created.orgId));
    } catch (error) {
      submit.disabled = false;
      showProblem(error, { fields: { name }, form: problem });
    }
  });
  return h('section', { className: 'card', 'aria-labelledby': 'org-create-title' },
    h('h2', { id: 'org-create-title' }, 'Create an organization'),
    h('p', { className: 'hint' }, 'You become its owner and can invite people.'),
    form);
}

// ---- /orgs/{id}

export function renderOrg(root, orgId) {
  accountPage(root, (page) => loadOrg(root, page, orgId));
}

async function loadOrg(root, page, orgId, { quiet = false } = {}) {
  if (!page.alive()) {
    return;
  }
  if (!quiet) {
    showLoading(root, 'org');
  }
  let org;
  let members;
  try {
    [org, members] = await Promise.all([people.org(orgId), people.members(orgId)]);
  } catch (error) {
    if (page.alive() && error.status !== 401) {
      const title = error.status === 404 ? 'No such organization'
        : error.status === 403 ? 'Not your organization' : 'Organization';
      showLoadProblem(root, {
        page: 'org', title, error, onRetry: error.status >= 500 || error.status === 0
          ? () => loadOrg(root, page, orgId) : null,
      });
    }
    return;
  }
  if (!page.alive()) {
    return;
  }
  const me = session.currentAccount();
  const reload = () => loadOrg(root, page, orgId, { quiet: true });
  document.title = `${org.name} · Parley`;
  const view = h('section', {
    className: 'account-page', 'data-page': 'org', 'data-org-id': org.orgId, 'data-role': org.role,
    'aria-labelledby': 'org-name',
  },
  h('p', { className: 'breadcrumb' }, h('a', { href: '/orgs', 'data-link': true }, 'Organizations')),
  h('h1', { id: 'org-name' }, org.name),
  h('p', { className: 'lead' }, 'Your role: ', h('span', { id: 'org-role', 'data-role': org.role }, roleName(org.role))),
  membersSection(org, members.members || [], me, reload),
  manages(org.role) ? inviteSection(org) : null,
  limitSection(org),
  manages(org.role) ? h('p', {}, h('a', { id: 'org-quality-link', className: 'button secondary',
    href: `/orgs/${encodeURIComponent(org.orgId)}/quality`, 'data-link': true }, 'Call quality per day')) : null);
  show(root, view);
}

function membersSection(org, members, me, reload) {
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('members-error', messages);
  const status = statusLine('members-status');
  messages.append(status);
  const order = { owner: 0, admin: 1, member: 2 };
  const sorted = [...members].sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3)
    || String(a.displayName).localeCompare(String(b.displayName)));

  const act = async (button, work, done, { then = reload } = {}) => {
    problem.clear();
    status.textContent = '';
    button.disabled = true;
    try {
      await work();
      toast(done);
      then();
    } catch (error) {
      button.disabled = false;
      problem.set(error.detail || error.message);
    }
  };

  const item = (member) => {
    const self = me && member.accountId === me.accountId;
    const actions = h('div', { className: 'item-actions' });
    if (self) {
      const leave = h('button', { type: 'button', id: 'org-leave', className: 'secondary small' }, 'Leave');
      leave.addEventListener('click', () => act(leave, () => people.removeMember(org.orgId, member.accountId),
        `You left ${org.name}.`, {
          then: () => {
            session.refresh(); // a token without the organization
            navigate('/orgs');
          },
        }));
      actions.append(leave);
    } else if (mayManage(org.role, member.role)) {
      const select = roleSelect(`member-role-${member.accountId}`, assignableRoles(org.role), member.role,
        `Role of ${member.displayName}`);
      select.classList.add('member-role');
      select.dataset.testid = 'member-role';
      const change = h('button', { type: 'button', className: 'secondary small member-role-submit',
        'data-testid': 'member-role-submit' }, 'Change role');
      change.addEventListener('click', () => {
        if (select.value === member.role) {
          status.textContent = `${member.displayName} is already ${aRole(member.role)}.`;
          return;
        }
        act(change, () => people.changeRole(org.orgId, member.accountId, select.value),
          `${member.displayName} is now ${aRole(select.value)}.`);
      });
      const remove = h('button', { type: 'button', className: 'danger small member-remove', 'data-testid': 'member-remove',
        'aria-label': `Remove ${member.displayName}` }, 'Remove');
      remove.addEventListener('click', () => act(remove, () => people.removeMember(org.orgId, member.accountId),
        `${member.displayName} was removed.`));
      actions.append(select, change, remove);
    }
    return h('li', { className: 'item member', 'data-account-id': member.accountId, 'data-role': member.role },
      h('div', { className: 'item-main' },
        h('span', { className: 'item-title member-name' }, member.displayName, self ? ' (you)' : ''),
        h('span', { className: 'badge member-role-label' }, roleName(member.role)),
        h('span', { className: 'item-detail' },
          h('span', { className: 'member-email' }, member.email || ''),
          member.joinedAt ? ` · joined ${formatDateTime(member.joinedAt)}` : '')),
      actions);
  };

  return h('section', { className: 'card', id: 'members', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, `Members (${members.length})`),
    h('ul', { id: 'member-list', className: 'item-list', 'data-count': String(members.length) }, ...sorted.map(item)),
    messages);
}

function inviteSection(org) {
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

function limitSection(org) {
  const current = org.maxConcurrentStreams;
  const currentText = () => (org.maxConcurrentStreams
    ? `Each member may be in at most ${org.maxConcurrentStreams} calls at once.`
    : 'No limit set for the organization: the platform\'s default applies.');
  const summary = h('p', { id: 'org-limit-current', 'data-value': current ?? '' }, currentText());
  if (!manages(org.role)) {
    return h('section', { className: 'card', id: 'limits', 'aria-labelledby': 'limits-title' },
      h('h2', { id: 'limits-title' }, 'Stream limit'), summary);
  }
  const limit = field({
    id: 'org-limit', label: 'Streams each member may hold at once',
    hint: `A whole number from ${STREAM_LIMIT_MIN} to ${STREAM_LIMIT_MAX}. Takes effect within seconds.`,
    props: { type: 'number', name: 'maxConcurrentStreams', min: STREAM_LIMIT_MIN, max: STREAM_LIMIT_MAX, step: 1,
      inputMode: 'numeric', required: true, value: current ?? '' },
  });
  const submit = h('button', { type: 'submit', id: 'org-limit-submit', className: 'primary' }, 'Save limit');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('limits-error', messages);
  const status = statusLine('org-limit-status');
  messages.append(status);
  const form = h('form', { id: 'limits-form', noValidate: true },
    limit.element, h('div', { className: 'actions' }, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([limit], problem);
    status.textContent = '';
    const value = streamLimitFrom(limit.input.value);
    if (value === null) {
      limit.setError(`Enter a whole number from ${STREAM_LIMIT_MIN} to ${STREAM_LIMIT_MAX}.`);
      limit.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const saved = await people.setStreamLimit(org.orgId, value);
      org.maxConcurrentStreams = saved?.maxConcurrentStreams ?? value;
      summary.textContent = currentText();
      summary.dataset.value = String(org.maxConcurrentStreams);
      status.textContent = 'Saved.';
    } catch (error) {
      showProblem(error, { fields: { maxConcurrentStreams: limit }, form: problem });
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { className: 'card', id: 'limits', 'aria-labelledby': 'limits-title' },
    h('h2', { id: 'limits-title' }, 'Stream limit'), summary, form);
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
