package dev.wren.store.redis;

import java.nio.charset.StandardCharsets;

/**
 * The Lua scripts that must run atomically inside Redis. Standalone Redis only: the update script builds row keys from
 * the live version it reads, which Redis Cluster would refuse.
 */
final class RedisScripts {
    private RedisScripts() {}

    static final String NO_LIVE = "WREN_NO_LIVE";
    static final String EXISTS = "WREN_VERSION_EXISTS";

    /**
     * KEYS[1] live key. ARGV[1] row key prefix up to the version ("ns:v:"), ARGV[2] the rest before the id (":u:"),
     * then per row: id, field count n, n pairs of field and value. Writes into the version live at that instant, so an
     * update can never land in a version that a commit has just replaced.
     */
    static final byte[] UPDATE = ("local v = redis.call('GET', KEYS[1])\n"
                    + "if not v then return redis.error_reply('" + NO_LIVE + "') end\n"
                    + "local i = 3\n"
                    + "while i <= #ARGV do\n"
                    + "  local n = tonumber(ARGV[i + 1])\n"
                    + "  redis.call('HSET', ARGV[1] .. v .. ARGV[2] .. ARGV[i], unpack(ARGV, i + 2, i + 1 + 2 * n))\n"
                    + "  i = i + 2 + 2 * n\n"
                    + "end\n"
                    + "return v\n")
            .getBytes(StandardCharsets.UTF_8);

    /**
     * KEYS[1] live key, KEYS[2] versions sorted set; ARGV[1] the version. Records the version with the next commit
     * number as its score and makes it live, in one step.
     */
    static final String COMMIT = "if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return redis.error_reply('" + EXISTS
            + "') end\n"
            + "local top = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')\n"
            + "local score = 1\n"
            + "if top[2] then score = tonumber(top[2]) + 1 end\n"
            + "redis.call('ZADD', KEYS[2], score, ARGV[1])\n"
            + "redis.call('SET', KEYS[1], ARGV[1])\n"
            + "return score\n";
}
