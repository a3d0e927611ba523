import type { Category } from "../api/types";

export interface CategoryNode extends Category {
  children: CategoryNode[];
}

// The catalog's flat list (ordered by path) as a tree, siblings by position.
export function categoryTree(categories: Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const category of categories) nodes.set(category.id, { ...category, children: [] });
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byPosition = (a: CategoryNode, b: CategoryNode) => a.position - b.position || a.name.localeCompare(b.name);
  const sort = (list: CategoryNode[]) => {
    list.sort(byPosition);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

// "audio/headphones" -> the categories from the top down to it, for breadcrumbs.
export function categoryTrail(categories: Category[], path: string): Category[] {
  const byPath = new Map(categories.map((category) => [category.path, category]));
  const trail: Category[] = [];
  const parts = path.split("/");
  for (let depth = 1; depth <= parts.length; depth++) {
    const category = byPath.get(parts.slice(0, depth).join("/"));
    if (category) trail.push(category);
  }
  return trail;
}
