// 5-4-3-2-1 grounding: untimed steps; the person moves on with "Next step" when ready.
import { setupGuide } from "./guide.js";

const root = document.querySelector("[data-guide]");
if (root) setupGuide(root);
