[assembly: AssemblyFixture(typeof(Beraterpool.Tests.Infrastructure.DemoApp))]

namespace Beraterpool.Tests.Infrastructure;

/// <summary>
/// One app with the demo data (both pools, 20 NRW advisors, the register), shared by the whole assembly.
/// Only for tests that read; tests that change data start their own <see cref="TestApp"/>.
/// </summary>
public sealed class DemoApp() : TestApp(demo: true);
