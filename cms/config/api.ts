export default {
  rest: {
    defaultLimit: 25,
    // The site pages through collections 100 at a time; nobody needs more per request.
    maxLimit: 100,
    withCount: true,
  },
};
