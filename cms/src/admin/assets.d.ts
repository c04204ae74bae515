/** Image files imported by the admin resolve to their URL (Vite). */
declare module '*.svg' {
  const url: string;
  export default url;
}
