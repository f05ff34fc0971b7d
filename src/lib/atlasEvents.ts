/**
 * Selects a county on the home page from outside the map's controller: the place search box
 * (src/client/placeSearch.ts) dispatches it on window with `detail: { adcode }`, and
 * src/client/atlas.ts applies it like a click on the map (URL ?c=, panel, camera). So the search
 * needs no map and works without WebGL. A module of its own so the search script stays small on
 * county pages, which have no atlas.
 */
export const SELECT_COUNTY_EVENT = 'atlas:select-county';
export interface SelectCountyDetail {
  adcode: string;
}
