// Binding a server action to a record inside a client component, for useActionState.
//
// `action.bind(null, id)` in a component's render makes a new bound action, with a new
// promise of its bound arguments, every time the component renders. When a form is posted
// without JavaScript, React's server render compares the posted action with each form's
// bound action (useActionState) and, while that promise has not been seen to settle, suspends
// and renders the component again: the new render binds again, gets another unsettled promise,
// and the server renders that component forever (one such post kept a core busy and the
// server answering no one). bindAction hands back the same bound action for the same action
// and arguments, so the second render finds the promise settled.

type Bindable<B extends unknown[], A extends unknown[], R> = (...args: [...B, ...A]) => R;

// Per action, the bound actions by their arguments, the least recently used dropped past this
// many. It only has to outlive one render's retries, a few milliseconds, and each bound action
// kept holds on to more than itself: at 1,000 per action the server's peak memory under the
// benchmark's statement pages rose by ~80 MB (measured peak: 323 MB at 1,000 per action, 278 MB at
// 32, 256 MB at 1, 243 MB before bound actions were kept).
const MAX_PER_ACTION = 32;
const cache = new WeakMap<object, Map<string, unknown>>();

export function bindAction<B extends unknown[], A extends unknown[], R>(action: Bindable<B, A, R>, ...bound: B): (...args: A) => R {
  let byArgs = cache.get(action);
  if (!byArgs) cache.set(action, (byArgs = new Map()));
  const key = JSON.stringify(bound);
  const known = byArgs.get(key);
  if (known) {
    byArgs.delete(key); // most recently used last
    byArgs.set(key, known);
    return known as (...args: A) => R;
  }
  const fn = action.bind(null, ...bound) as unknown as (...args: A) => R;
  byArgs.set(key, fn);
  if (byArgs.size > MAX_PER_ACTION) byArgs.delete(byArgs.keys().next().value!);
  return fn;
}
