// The one global pdf.js needs at load time that Node lacks: its canvas code
// makes a `new DOMMatrix()` when the module is evaluated. On Node, pdf.js
// takes it from the optional native canvas package when that can be loaded
// (not from the bundles, where it is left out); text extraction never uses
// it. So where DOMMatrix is missing, an inert stand-in is put in its place
// before pdf.js loads; browsers and browser workers have the real one.

/** An identity matrix that does nothing: enough for pdf.js to load, not to draw. */
class InertMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly isIdentity = true;
}

/** Puts the stand-ins pdf.js needs at load time where the host lacks them. */
export function ensurePdfGlobals(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (typeof g.DOMMatrix === 'undefined') g.DOMMatrix = InertMatrix;
}
