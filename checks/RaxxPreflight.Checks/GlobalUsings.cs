global using System.Globalization;
global using RaxxPreflight.Checks.Results;
global using RaxxPreflight.Checks.Traits;
global using RaxxPreflight.Reporting;
global using Shouldly;
global using Xunit;
