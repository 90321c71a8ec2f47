// The demo page's own script: lists the widget's host events, as analytics would.
const list = document.getElementById('events');
for (const name of ['routine-built', 'session-started', 'session-completed', 'safety-stop']) {
  document.addEventListener(`roll-routine:${name}`, (e) => {
    const li = document.createElement('li');
    li.textContent = `${e.type} ${JSON.stringify(e.detail)}`;
    list.append(li);
  });
}
