import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { meKey, PoleSelectionProvider } from "./app/session";
import { ApiError } from "./lib/api";
import { initI18n } from "./lib/i18n";
import { registerServiceWorker } from "./offline/register";
import { router } from "./routes";
import "./app/styles.css";

initI18n();

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that ended elsewhere (expired, signed out in another tab): forget who was
    // signed in, so the guards send the person to the sign-in page.
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== meKey[0]) {
        queryClient.setQueryData(meKey, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      // Ask even when the browser says it is offline: the service worker may answer.
      networkMode: "offlineFirst",
    },
  },
});

registerServiceWorker({
  // Who is signed in first: the worker keeps other answers once it knows whose they are.
  onFirstControl: async () => {
    await queryClient.refetchQueries({ queryKey: meKey });
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PoleSelectionProvider>
        <RouterProvider router={router} />
      </PoleSelectionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
