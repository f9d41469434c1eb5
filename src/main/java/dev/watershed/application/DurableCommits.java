package dev.watershed.application;

/**
 * Makes the commits made so far safe from a power cut, before a write is acknowledged. The embedded database
 * forces its file to the device, one sync shared by every writer waiting at the time; a database that syncs each
 * commit itself (PostgreSQL, with its default synchronous commit) has nothing left to do.
 */
public interface DurableCommits {

    /** Returns once every commit made before this call is on the device. */
    void awaitDurable();
}
