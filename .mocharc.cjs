module.exports = {
  spec: ['out/test/unit/**/*.test.js'],
  timeout: 60000,
  reporter: 'spec',
};
