// /orgs/{id}: the members and their roles; owners and admins change roles and remove members as OrgRules allows.
import * as session from './account-session.js';
import { formatDateTime, h, toast } from './dom.js';
import { formError, statusLine } from './forms.js';
import { people } from './people-api.js';
import { navigate } from './router.js';
import { aRole, assignableRoles, mayManage, roleName, roleSelect } from './org-roles.js';

export function membersSection(org, members, me, reload) {
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
