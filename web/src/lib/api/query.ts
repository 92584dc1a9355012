// The query parameters of the API's GET operations, from the generated schema: the filters a
// list hook takes are the ones the OpenAPI document lists for its operation.
import type { operations } from './schema';

export type QueryParams<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;
