using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettlementDocumentFormat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows stored so far hold the wire message as protobuf JSON; they are never rewritten, so
            // they say so and are read as such (SettlementDocumentMapping).
            migrationBuilder.AddColumn<string>(
                name: "DocumentFormat",
                table: "SettlementResults",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "ProtoJson");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentFormat",
                table: "SettlementResults");
        }
    }
}
