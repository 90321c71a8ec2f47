// A hand-rolled single-page app: each route replaces the view's content, as routers do.
// Widgets arrive in new markup and leave with it; the page never reloads.
const routes = {
  '#/back': '<h1>Back</h1><div data-roll-routine data-storage-key="spa-back"><a href="/x">Read the guide</a></div>',
  '#/hands': '<h1>Hands</h1><roll-routine family="forearms" storage-key="spa-hands"><a href="/x">Read the guide</a></roll-routine>',
  '#/about': '<h1>About</h1><p>No widget here.</p>',
};
const view = document.getElementById('view');
const show = () => { view.innerHTML = routes[location.hash] ?? '<p>Home</p>'; };
addEventListener('hashchange', show);
show();
