using Npgsql;
using RaxxPreflight.Database;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Tests.Database;

public class PostgresUrlTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_heroku_database_url_becomes_a_read_only_tls_connection()
    {
        var connection = PostgresUrl.Parse(
            new SecretValue("postgres://u1abc:p%40ss%2Fword@ec2-3-91-12-34.compute-1.amazonaws.com:5433/d8abc"),
            requireTls: true,
            Timeout
        );

        connection.Host.ShouldBe("ec2-3-91-12-34.compute-1.amazonaws.com");
        connection.Port.ShouldBe(5433);
        connection.Database.ShouldBe("d8abc");
        connection.Username.ShouldBe("u1abc");
        connection.Password.ShouldBe("p@ss/word");
        connection.SslMode.ShouldBe(SslMode.Require);
        connection.Options.ShouldBe("-c default_transaction_read_only=on");
        connection.Timeout.ShouldBe(10);
        PostgresUrl.Describe(connection).ShouldBe("ec2-3-91-12-34.compute-1.amazonaws.com:5433/d8abc");
    }

    [Fact]
    public void The_port_defaults_to_5432_and_tls_can_be_off_for_local_servers()
    {
        var connection = PostgresUrl.Parse(new SecretValue("postgresql://u:p@localhost/db"), requireTls: false, Timeout);

        connection.Port.ShouldBe(5432);
        connection.SslMode.ShouldBe(SslMode.Disable);
    }

    [Theory]
    [InlineData("mysql://admin:hunter2-secret@db.raxx.app/queue", "DATABASE_URL is not a postgres://user:password@host:port/database URL")]
    [InlineData("postgres://admin:hunter2-secret@db.raxx.app/", "DATABASE_URL names no database")]
    [InlineData("postgres://:hunter2-secret@db.raxx.app/queue", "DATABASE_URL names no user")]
    [InlineData("not a url hunter2-secret", "DATABASE_URL is not a postgres://user:password@host:port/database URL")]
    public void A_malformed_url_is_one_line_without_the_password(string url, string expected)
    {
        var error = Should.Throw<DatabaseCheckException>(() => PostgresUrl.Parse(new SecretValue(url), true, Timeout));

        error.Message.ShouldStartWith(expected);
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("\n");
    }
}
