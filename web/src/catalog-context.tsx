import { createContext, useContext, type ReactNode } from "react";
import { listCategories } from "./api/catalog";
import type { Category } from "./api/types";
import { useLoad, type Loaded } from "./lib/use-load";

// The category tree changes rarely: loaded once per visit, used by the
// navigation, breadcrumbs and facets.
const CategoriesContext = createContext<Loaded<Category[]>>({ status: "loading" });

export function CategoriesProvider({ children }: { children: ReactNode }) {
  const categories = useLoad(async (signal) => (await listCategories(signal)).items, []);
  return <CategoriesContext.Provider value={categories}>{children}</CategoriesContext.Provider>;
}

export function useCategories(): Category[] {
  const loaded = useContext(CategoriesContext);
  return loaded.status === "ready" ? loaded.data : [];
}
