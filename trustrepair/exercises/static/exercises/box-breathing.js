// Box breathing: four sides of four seconds; the square grows, holds, shrinks, holds (motion only if allowed).
import { setupGuide } from "./guide.js";

const root = document.querySelector("[data-guide]");
if (root) setupGuide(root, { phases: ["in", "hold-full", "out", "hold-empty"] });
