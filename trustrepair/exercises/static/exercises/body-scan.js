// Body scan: about twenty seconds on each part of the body, head to feet; Pause and Next step at any time.
import { setupGuide } from "./guide.js";

const root = document.querySelector("[data-guide]");
if (root) setupGuide(root);
