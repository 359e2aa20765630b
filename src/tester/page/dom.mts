/// <reference lib="dom" />
/** A few lines instead of a framework: elements from a tag, attributes and children. */

export type Child = Node | string | false | null | undefined

export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  return append(element, ...children)
}

/** Appends the children that are there (false, null and undefined stand for "nothing here"). */
export function append<Parent extends HTMLElement>(parent: Parent, ...children: Child[]): Parent {
  for (const child of children) if (child) parent.append(child)
  return parent
}

/** The element with this id, which the page's markup is known to have. */
export function byId<Type extends HTMLElement>(id: string): Type {
  const element = document.getElementById(id)
  if (!element) throw new Error(`the page has no #${id}`)
  return element as Type
}

export const pretty = (value: unknown): string => JSON.stringify(value, null, 2)
