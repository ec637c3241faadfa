export declare const STAMP_FILE: string;
export declare function buildInputsHash(root: string): string;
export declare function isBuildCurrent(root: string, inputsHash: string): boolean;
