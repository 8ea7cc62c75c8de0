/** The two web apps of a Bytedesk server: the agent workbench and the admin console. */
export type Workspace = 'agent' | 'admin';
