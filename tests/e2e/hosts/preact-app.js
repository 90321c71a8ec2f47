// A page rendered by Preact (its ESM build, served as is). The app shows or hides a widget
// and switches its family: Preact creates, updates and removes the elements, the widget
// follows. Exposes window.app for the test to drive it.
import { h, render } from 'preact';
import { useState } from 'preact/hooks';

function App() {
  const [shown, setShown] = useState(true);
  const [family, setFamily] = useState('lower-back');
  const [kind, setKind] = useState('element');
  const [renders, setRenders] = useState(0);
  window.app = { setShown, setFamily, setKind, rerender: () => setRenders((n) => n + 1) };
  const fallback = h('a', { href: '/x' }, 'Read the guide');
  return h('main', null,
    h('h1', null, 'Preact article'),
    h('p', null, `Family: ${family}, renders: ${renders}`),
    shown && (kind === 'element'
      ? h('roll-routine', { family, 'storage-key': 'preact' }, fallback)
      : h('div', { 'data-roll-routine': '', 'data-family': family, 'data-storage-key': 'preact-div' }, fallback)),
    h('p', null, 'After the widget.'));
}
render(h(App), document.getElementById('app'));
