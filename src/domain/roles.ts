/** Who may do what in the organiser service (server/app.ts checks, the organiser pages show). */
export const ROLES = ['admin', 'reviewer', 'editor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABEL: Record<Role, string> = { admin: '管理员', reviewer: '审核人', editor: '编辑' }

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)
