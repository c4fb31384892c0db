// The SBOM part of the attest step: generate an SPDX 2.3 or CycloneDX 1.6 SBOM from an image's layers, or load and
// validate one the user gives. Public surface only; the work is in generate.ts, validate.ts and catalog/.
export { generateSbom, type GenerateSbomOptions, type GeneratedSbom, type ImageForSbom } from './generate.js'
export { cycloneDxSchemaErrors, loadSbomFile, spdx23SchemaErrors, SbomFileError, type SbomFile, type SbomFormat } from './validate.js'
export type { OpenBlob, SkippedFile } from './catalog/filesystem.js'
export { MAX_METADATA_FILE_SIZE, MAX_METADATA_TOTAL_BYTES } from './catalog/catalog.js'
export type { CatalogedPackage, OsRelease, PackageType } from './catalog/types.js'
