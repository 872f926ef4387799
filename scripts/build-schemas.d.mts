// Types of scripts/build-schemas.mjs, for the tests that import it.

/** Ajv options shared by the generator and the tests that compare against it. */
export declare const AJV_OPTIONS: Readonly<Record<string, unknown>>;

/** Every generated file as { repo-relative path → content }, without writing. */
export declare function generateSchemaFiles(): Record<string, string>;
