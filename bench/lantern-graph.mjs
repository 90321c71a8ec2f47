// What Lighthouse's simulated LCP counted in its last run: the nodes of the pessimistic LCP
// graph (bench/lcp-variants.mjs --graph), each with its simulated start and end.
//
// Lighthouse estimates LCP with Lantern (`@paulirish/trace_engine`, models/trace/lantern): a
// graph of the observed (unthrottled) load's requests and main-thread tasks, replayed on a
// simulated phone and network. The simulator keeps the timings of its last run of each graph
// (`Simulator.allNodeTimings`, meant for debugging), which this reads. The module is the one
// Lighthouse itself imports, so the map is the same one.
import * as Lantern from './node_modules/@paulirish/trace_engine/models/trace/lantern/lantern.js';

const LABEL = 'pessimisticLargestContentfulPaint';

/** Forgets the previous run's timings, so that `lcpGraph` never reads a stale graph. */
export function clearGraphs() {
  Lantern.Simulation.Simulator.allNodeTimings.clear();
}

/**
 * The last run's pessimistic LCP graph, in simulated start order: `{ start, end, what }`, where
 * `what` names a request (its file, resource type and whether it hangs on a task) or a task
 * (its first trace events).
 */
export function lcpGraph() {
  const timings = Lantern.Simulation.Simulator.allNodeTimings.get(LABEL);
  if (!timings) throw new Error(`lantern-graph: Lighthouse ran no ${LABEL} simulation (is it still Lantern?)`);
  return [...timings.entries()]
    .map(([node, t]) => ({ start: Math.round(t.startTime), end: Math.round(t.endTime), what: describe(node) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function describe(node) {
  if (node.type === 'network') {
    const r = node.request;
    const file = new URL(r.url).pathname.split('/').pop() || r.url;
    // Lantern hangs a script, fetch or XHR request on the task that sent it (or, where that
    // task was too short to keep, on a neighbour).
    const after = node.dependencies.some((d) => d.type === 'cpu') ? ', hangs on a task above' : '';
    return `${file} (${r.resourceType}${after})`;
  }
  const names = [...new Set(node.childEvents.map((e) => e.name))];
  const shown = names.filter((n) => !/^(EventDispatch|ScheduleStyleRecalculation)$/.test(n)).slice(0, 3);
  return `task: ${shown.join(', ')}`;
}

/** The graph as indented lines for the console. */
export function printGraph(rows) {
  for (const r of rows) console.log(`    ${String(r.start).padStart(5)}–${String(r.end).padEnd(5)} ms  ${r.what}`);
}
