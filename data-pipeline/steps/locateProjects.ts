import * as turf from '@turf/turf';
import type { CountiesFile, ProjectsFile } from '../../src/domain/contract';

/**
 * Which counties each project touches, done once here so county pages can list their projects.
 * Only a published position (surveyed or approximate) places a project by point-in-polygon /
 * intersection; a schematic line drawn for illustration says nothing about where the project
 * is, so schematic and unlocated projects belong only to the counties the document names.
 * A project with no published location whose document names counties is drawn as those
 * counties' area and marked schematic.
 */
export function locateProjects(projects: ProjectsFile, counties: CountiesFile): ProjectsFile {
  return {
    type: 'FeatureCollection',
    features: projects.features.map((f) => {
      let geometry = f.geometry;
      let precision = f.properties.precision;
      const drawnAsNamed = geometry === null && f.properties.named_adcodes.length > 0;
      if (drawnAsNamed) {
        const parts = counties.features
          .filter((c) => f.properties.named_adcodes.includes(c.properties.adcode))
          .flatMap((c) => (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates));
        geometry = { type: 'MultiPolygon', coordinates: parts };
        precision = 'schematic';
      }
      const located = f.properties.precision === 'surveyed' || f.properties.precision === 'approximate';
      const adcodes = geometry && located && !drawnAsNamed
        ? counties.features
            .filter((c) => {
              if (f.properties.named_adcodes.includes(c.properties.adcode)) return true;
              const g = geometry as GeoJSON.Geometry;
              if (g.type === 'Point') return turf.booleanPointInPolygon(g.coordinates, c, { ignoreBoundary: true });
              return turf.booleanIntersects(turf.feature(g), c);
            })
            .map((c) => c.properties.adcode)
        : [...f.properties.named_adcodes];
      return { ...f, geometry, properties: { ...f.properties, precision, adcodes } };
    }),
  };
}
