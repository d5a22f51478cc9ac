/**
 * tools.js — the views beyond the pair comparison (issue 5): ranking, N-way comparison, custom prices,
 * charts and exports. app.js calls mountTools once, after the first comparison is on screen.
 *
 * ctx: {versus, root, workload(), models(), onChange(listener), rerender()}
 */
export function mountTools(ctx) {
  void ctx;
}
