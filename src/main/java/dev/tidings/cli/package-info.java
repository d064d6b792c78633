/**
 * The command line (picocli only here): the root command and one class per subcommand, exit codes
 * and error mapping. Prints through the command's streams, never System.out.
 */
package dev.tidings.cli;
