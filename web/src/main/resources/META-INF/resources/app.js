const form = document.getElementById('start-form');
const status = document.getElementById('status');

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = { hostName: data.get('hostName').trim() };
  if (data.get('slug')) body.slug = data.get('slug');
  status.textContent = 'Creating your meeting…';
  const response = await fetch('/api/meetings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    status.textContent = `Could not create the meeting: ${await problemText(response)}`;
    return;
  }
  const meeting = await response.json();
  sessionStorage.setItem(`parley.token.${meeting.meetingId}`, meeting.host.token);
  window.location.assign(meeting.joinUrl);
});
