export { buildAppPackage, checkIcons, fillAndValidateManifest, PackageError, type BuildOptions, type BuildResult } from "./build-package";
export { loadEnvFile, parseEnvFile, envFilePath, EnvFileError } from "./env-file";
export { fillPlaceholders, findPlaceholders, MissingPlaceholderError } from "./fill-placeholders";
export { readPngInfo, summarisePixels } from "./png-info";
export { checkLiftRules, validateAgainstSchema, loadBundledSchema } from "./validate-manifest";
