// Only one route: visitors create requests. Nothing can read, list, update or delete
// them over the content API; staff use the admin.
export default {
  routes: [
    {
      method: 'POST',
      path: '/call-requests',
      handler: 'api::call-request.call-request.submit',
      config: { auth: false },
    },
  ],
};
