module.exports = {
  spec: ['out/test/unit/**/*.test.js', 'out/test/grammar/**/*.test.js', 'out/test/protocol/**/*.test.js'],
  timeout: 60000,
  reporter: 'spec',
};
