// /orgs (my organizations, create one) and /orgs/{id} (members and roles: org-members.js, invitations:
// org-invitations.js, the stream limit: org-limit.js). The server decides who may do what (OrgRules); the page only
// offers what the person's role allows, and shows the problem's detail when the server says no.
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import * as session from './account-session.js';
import { h, show, toast } from './dom.js';
import { clearProblems, field, formError, showProblem } from './forms.js';
import { people } from './people-api.js';
import { navigate } from './router.js';
import { manages, orgPath, roleName } from './org-roles.js';
import { limitSection } from './org-limit.js';
import { membersSection } from './org-members.js';
import { inviteSection } from './org-invitations.js';

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
