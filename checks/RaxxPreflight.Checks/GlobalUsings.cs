global using RaxxPreflight.Checks.Traits;
global using Shouldly;
global using Xunit;
