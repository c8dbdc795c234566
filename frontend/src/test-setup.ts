import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";

afterEach(() => cleanup());

// jsdom lays nothing out, so every element measures 0×0 and a virtualised
// list would render no rows. Report an element's inline height (as the
// DataTable sets on its scroll body) so virtualisation is exercised for real.
Object.defineProperty(HTMLElement.prototype, "clientHeight", {
  configurable: true,
  get(this: HTMLElement) {
    return parseFloat(this.style.height) || 0;
  },
});
Object.defineProperty(HTMLElement.prototype, "clientWidth", {
  configurable: true,
  get(this: HTMLElement) {
    return parseFloat(this.style.width) || 800;
  },
});
