/** Whether this browser can give us a WebGL2 context (the map needs it; without it pages show static SVG maps). */
export function hasWebGL2(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}
