/**
 * How long the reclaimed-water flow moves. Apart from initMap so that tests (and anything else)
 * can read the numbers without loading the map libraries.
 */

/** one pass of the flow along its line, ms */
export const FLOW_PERIOD_MS = 4000;
/**
 * passes of the flow shown while the map is in view, then it rests (one still frame) until the
 * reader touches the map, zooms or changes what it shows: a few passes say "water flows this way",
 * and software WebGL no longer holds both cores for as long as the map stays in view
 */
export const FLOW_CYCLES = 3;
