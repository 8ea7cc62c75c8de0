import type { Workspace } from '../settings/workspace';
import { TOP_PAGES, type AppPage, type Words } from './paths';

// The rest of each app's pages, as their menus name and group them (../shared/bytedesk-routes.md:
// the admin console's current build, the agent workbench's routes). Data only, loaded after the
// popup's first frame: the list starts with TOP_PAGES and the pages opened lately.

const group = (en: string, zh: string): Words => ({ en, zh });
const SERVICE = group('Customer service', '在线客服');
const AI = group('AI assistant', '智能助手');
const KNOWLEDGE = group('Knowledge base', '知识库');
const TICKETS = group('Tickets', '工单管理');
const TEAM = group('Organisation', '组织管理');
const SETTINGS = group('Personal settings', '个人设置');
const SUPER = group('Super admin', '超级管理');
const AGENT_SETTINGS = group('Settings', '设置');

const pages = (menu: Words | undefined, entries: [path: string, en: string, zh: string, also?: string][], superOnly = false): AppPage[] =>
  entries.map(([path, en, zh, also]) => ({
    path,
    name: { en, zh },
    ...(menu && { group: menu }),
    ...(also && { also }),
    ...(superOnly && { superOnly: true as const }),
  }));

const ADMIN: AppPage[] = [
  ...pages(SERVICE, [
    ['service/thread', 'Conversations', '会话', 'thread chats'],
    ['service/workgroup', 'Workgroups', '工作组', 'group'],
    ['service/agent', 'Agents', '一对一', 'agent 客服'],
    ['service/message', 'Messages', '消息'],
    ['service/tag', 'Tags', '标签'],
    ['service/channel', 'Channels', '渠道'],
    ['service/quickbutton', 'Quick buttons', '快捷按钮'],
    ['service/form', 'Forms', '表单'],
  ]),
  ...pages(TICKETS, [
    ['ticket/data', 'All tickets', '工单'],
    ['ticket/process', 'Processes', '流程', 'workflow'],
    ['ticket/settings', 'Ticket settings', '设置'],
  ]),
  ...pages(KNOWLEDGE, [
    ['kb/article', 'Help center', '帮助中心', 'articles'],
    ['kb/quickreply', 'Quick replies', '快捷回复'],
    ['kb/autoreply', 'Auto replies', '自动回复'],
    ['kb/llm', 'AI knowledge', '大模型', 'llm'],
    ['kb/taboo', 'Sensitive words', '敏感词', 'taboo'],
    ['kb/upload', 'Uploads', '上传记录'],
  ]),
  ...pages(undefined, [
    ['crm', 'Customers', '客户管理', 'crm'],
    ['bi', 'Reports', '数据分析', 'bi statistics analytics'],
    ['quality', 'Quality check', '会话质检'],
  ]),
  ...pages(AI, [
    ['ai/robot', 'Robots', '机器人', 'bots'],
    ['ai/agent', 'AI agents', '智能体'],
    ['ai/prompt', 'Prompts', '提示词'],
    ['ai/model', 'Models', '大模型', 'llm'],
    ['ai/message', 'Messages', '消息'],
  ]),
  ...pages(group('Marketing', '营销管理'), [['marketing/blog', 'Blog', '博文']]),
  ...pages(TEAM, [
    ['team/member', 'Members', '成员', 'users staff'],
    ['team/role', 'Roles', '角色'],
    ['team/action', 'Activity log', '日志', 'action'],
    ['team/task', 'Tasks', '任务'],
    ['team/org', 'Company', '组织'],
  ]),
  ...pages(SETTINGS, [
    ['setting/profile', 'Profile', '个人信息'],
    ['setting/token', 'Access tokens', 'Token', 'accesstoken token management'],
    ['setting/notification', 'Notifications', '通知'],
  ]),
  ...pages(
    SUPER,
    [
      ['super/org', 'Organisations', '组织'],
      ['super/user', 'Users', '用户'],
      ['super/role', 'Roles', '角色'],
      ['super/agent', 'Agents', '客服'],
      ['super/workgroup', 'Workgroups', '工作组'],
      ['super/thread', 'Conversations', '会话', 'thread'],
      ['super/message', 'Messages', '消息'],
      ['super/ticket', 'Tickets', '工单'],
      ['super/robot', 'Robots', '机器人'],
      ['super/kbase', 'Knowledge bases', '知识库'],
      ['super/push', 'Push', '推送'],
      ['super/action', 'Activity log', '日志'],
      ['super/menu', 'Menus', '菜单'],
      ['super/city', 'Cities', '城市'],
      ['super/license', 'License', '授权'],
      ['super/server', 'Servers', '服务器'],
    ],
    true,
  ),
];

const AGENT: AppPage[] = [
  ...pages(undefined, [
    ['contact', 'Contacts', '联系人'],
    ['robot', 'AI assistant', 'AI助手', 'robot bots'],
  ]),
  ...pages(AGENT_SETTINGS, [
    ['setting/profile', 'Profile', '个人信息'],
    ['setting/agentProfile', 'Agent settings', '客服设置'],
    ['setting/basic', 'Basic settings', '基本设置'],
  ]),
];

/** Every page of each app the list offers, the top ones first. */
export const APP_PAGES: Record<Workspace, readonly AppPage[]> = {
  agent: [...TOP_PAGES.agent, ...AGENT],
  admin: [...TOP_PAGES.admin, ...ADMIN],
};
