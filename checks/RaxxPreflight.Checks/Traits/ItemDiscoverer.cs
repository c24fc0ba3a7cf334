using RaxxPreflight.Checks.Session;
using Xunit.Sdk;
using Xunit.v3;

namespace RaxxPreflight.Checks.Traits;

/// <summary>
/// Makes an item's fact one test case per service of the deploy description, each with the <c>Service</c> trait (so
/// that <c>--filter "Phase=PreDeploy&amp;Service=raxx-api"</c> selects one service and <c>--filter Phase=PreDeploy</c>
/// every one). A description that cannot be read gives one case with no service: it runs, and says what is wrong.
/// </summary>
public sealed class ItemDiscoverer : FactDiscoverer
{
    // xunit runs the cases of one collection one after another: each service's cases of a class are a collection of
    // their own, so that the services run side by side (each item's class, method and collection made once per service).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> PerService = new(StringComparer.Ordinal);

    private static IXunitTestMethod MethodFor(IXunitTestMethod method, string service)
    {
        var testClass = method.TestClass;
        var collection = testClass.TestCollection;
        var serviceCollection = (IXunitTestCollection)
            PerService.GetOrAdd(
                $"collection|{collection.UniqueID}|{service}",
                key => new XunitTestCollection(
                    collection.TestAssembly,
                    collection.CollectionDefinition,
                    collection.DisableParallelization,
                    $"{collection.TestCollectionDisplayName} ({service})",
                    Id(key)
                )
            );
        var serviceClass = (IXunitTestClass)
            PerService.GetOrAdd(
                $"class|{testClass.UniqueID}|{service}",
                key => new XunitTestClass(testClass.Class, serviceCollection, Id(key))
            );
        return (IXunitTestMethod)
            PerService.GetOrAdd(
                $"method|{method.UniqueID}|{service}",
                key => new XunitTestMethod(serviceClass, method.Method, method.TestMethodArguments, Id(key))
            );
    }

    private static string Id(string key)
    {
        using var id = new UniqueIDGenerator();
        id.Add(key);
        return id.Compute();
    }

    /// <inheritdoc />
    public override async ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        IFactAttribute factAttribute
    )
    {
        var cases = await base.Discover(discoveryOptions, testMethod, factAttribute);
        var services = ServiceNames.OfThisRun();
        if (services.Count == 0 || cases.Count != 1 || cases.First() is not XunitTestCase one)
        {
            return cases;
        }

        return
        [
            .. services.Select(service =>
            {
                var traits = one.Traits.ToDictionary(
                    p => p.Key,
                    p => new HashSet<string>(p.Value, StringComparer.OrdinalIgnoreCase),
                    StringComparer.OrdinalIgnoreCase
                );
                traits[Phases.ServiceTrait] = new HashSet<string>([service], StringComparer.OrdinalIgnoreCase);
                using var id = new UniqueIDGenerator();
                id.Add(one.UniqueID);
                id.Add(service);
                return (IXunitTestCase)
                    new XunitTestCase(
                        MethodFor(one.TestMethod, service),
                        services.Count == 1 ? one.TestCaseDisplayName : $"{service}: {one.TestCaseDisplayName}",
                        id.Compute(),
                        one.Explicit,
                        one.SkipExceptions,
                        one.SkipReason,
                        one.SkipType,
                        one.SkipUnless,
                        one.SkipWhen,
                        traits,
                        sourceFilePath: one.SourceFilePath,
                        sourceLineNumber: one.SourceLineNumber,
                        timeout: one.Timeout
                    );
            }),
        ];
    }
}
