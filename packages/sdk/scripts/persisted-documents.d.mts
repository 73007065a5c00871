/** The manifest file's path: packages/schema/persisted-documents.json. */
export declare const MANIFEST: string;
/** The manifest's text, from the text of the SDK's generated.ts. */
export declare function persistedDocumentsManifest(generatedTs: string): string;
