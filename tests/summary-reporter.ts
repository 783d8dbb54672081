import type { Reporter, TestModule } from 'vitest/node';

// Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI reads. Where tools are
// required (YQ_REQUIRE_TOOLS=1, set by .ci/run), a skipped test fails the run: CI must never pass by skipping
// the browser or age tests.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedNames: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else {
          skipped += 1;
          skippedNames.push(`${module.moduleId.replace(process.cwd() + '/', '')} › ${test.fullName}`);
        }
      }
    }
    if (skipped > 0 && process.env.YQ_REQUIRE_TOOLS === '1') {
      console.error(`\nSkipping is not allowed here (YQ_REQUIRE_TOOLS=1); skipped:\n  ${skippedNames.join('\n  ')}`);
      process.exitCode = 1;
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
